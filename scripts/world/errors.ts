// Named errors of the world generator.
export class WorldError extends Error {
  override name = 'WorldError';
}

/** A bad command-line or API option; `field` names it. */
export class WorldOptionError extends WorldError {
  override name = 'WorldOptionError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A catalogue source (KuaiRand tables) is missing or malformed. */
export class CatalogSourceError extends WorldError {
  override name = 'CatalogSourceError';
}
