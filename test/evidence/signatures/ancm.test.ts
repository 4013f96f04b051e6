import { SIGNATURES } from '../../../src/evidence/signatures/ancm';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('ancm', SIGNATURES);
