/** One `npm run satindex -- <name>` command; each lives in its own file in this folder. */
export interface Command {
	name: string;
	usage: string;
	help: string;
	run(args: string[]): Promise<void>;
}
