import { MemoryStore } from '../../../src/conversation/store/memory-store';
import { storeContract } from './store-contract';
import { memoryContract } from './memory-contract';

storeContract('MemoryStore', (options) => new MemoryStore(options));
memoryContract('MemoryStore', (options) => new MemoryStore(options));
