import { SIGNATURES } from '../../../src/evidence/signatures/was';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('was', SIGNATURES);
