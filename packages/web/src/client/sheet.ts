import { enhancePrint } from './common.js';

enhancePrint();
