// Minimal typing of the parts of jStat the engine uses (the package ships no types).
declare module 'jstat' {
	interface Distribution {
		cdf(x: number, ...params: number[]): number;
		inv(p: number, ...params: number[]): number;
		pdf(x: number, ...params: number[]): number;
	}
	const jStat: { studentt: Distribution; normal: Distribution; gammaln(x: number): number };
	export default jStat;
}
