import { enhanceCopy } from './common.js';

enhanceCopy();
