import { SIGNATURES } from '../../../src/evidence/signatures/iis';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('iis', SIGNATURES);
