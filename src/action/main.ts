/** The GitHub Action entry point (filled in by the action issue). */
export async function run(): Promise<void> {}
