/** Weight methods (methods.md §2): every one returns weights in [0, 1] that sum to 1. */
export { equalWeights } from './equal';
export { directWeights } from './direct';
export { ahpWeights, reciprocalMatrix, rowGeometricMeans, SAATY_RANDOM_INDEX, CR_THRESHOLD } from './ahp';
export type { AhpMethod, AhpOptions, AhpResult, JudgmentDeviation, RandomIndexTable } from './ahp';
export { groupAhpJudgments, groupAhpPriorities, type GroupAhpOptions } from './ahp-group';
export { entropyWeights, entropyWeightsFromCounts, entropyWeightsFromStatistics } from './entropy';
export type { EntropyNormalisation, EntropyResult, ValueCounts } from './entropy';
export { criticWeights, criticWeightsFromStatistics, type CriticResult } from './critic';
export { correlationWeights, driverCorrelations, driverCorrelationsFromMoments } from './correlation';
export type { CorrelationWeights, DriverCorrelations } from './correlation';
export { relativeWeights, type DerivedImportance } from './relative-weights';
export { shapleyWeights, MAX_SHAPLEY_PREDICTORS } from './shapley';
