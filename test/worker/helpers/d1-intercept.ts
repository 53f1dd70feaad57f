/**
 * A D1 binding whose every round trip (a statement run outside a batch, or one batch) passes
 * through `hooks` first: the counting and the fault-injecting wrappers are both built on it.
 */
export interface D1Hooks {
  /** Called before each round trip with its number of statements; may throw to fail it. */
  trip(statements: number, batch: boolean): void;
  /** May replace statements of a batch before D1 runs it. */
  batch?(statements: D1PreparedStatement[], db: D1Database): D1PreparedStatement[];
}

export function interceptD1(db: D1Database, hooks: D1Hooks): D1Database {
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === 'bind') return (...args: unknown[]) => wrap(target.bind(...args));
        if (prop === 'first' || prop === 'all' || prop === 'run' || prop === 'raw') {
          return async (...args: unknown[]) => {
            hooks.trip(1, false);
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    originals.set(proxy, statement);
    return proxy;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (query: string) => wrap(target.prepare(query));
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          hooks.trip(statements.length, true);
          const real = statements.map((s) => originals.get(s) ?? s);
          return target.batch(hooks.batch ? hooks.batch(real, target) : real);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
