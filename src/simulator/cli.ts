/** `npm run simulator`: runs the LivePerson simulator until Ctrl-C / SIGTERM. */
import { USAGE, banner, parseCliArgs, simulatorOptions } from './cli-options';
import { DEFAULT_ACCOUNT_ID } from './defaults';
import { startSimulator } from './server';

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  if (parsed === 'help') {
    console.log(USAGE);
    return;
  }
  const sim = await startSimulator(simulatorOptions(parsed));
  console.log(banner(parsed, sim.url, sim.accountId ?? DEFAULT_ACCOUNT_ID, sim.now()));
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing the simulator`);
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
