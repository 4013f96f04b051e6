import { MemoryStore } from '../../../src/conversation/store/memory-store';
import { storeContract } from './store-contract';

storeContract('MemoryStore', (options) => new MemoryStore(options));
