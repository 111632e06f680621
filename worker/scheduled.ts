// The cron trigger (wrangler.toml [triggers]). Nothing to do yet; later stages refresh edge state here.
export async function scheduled(controller: ScheduledController, _env: Env, _ctx: ExecutionContext): Promise<void> {
  console.log(`scheduled: cron '${controller.cron}' at ${new Date(controller.scheduledTime).toISOString()}: nothing to do`);
}
