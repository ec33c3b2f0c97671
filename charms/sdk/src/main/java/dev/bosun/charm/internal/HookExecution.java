package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.Charm;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.spi.HookBackend;
import dev.bosun.charm.spi.HookOutcome;
import org.slf4j.MDC;

/**
 * Runs one hook over a backend: a fresh charm from the definition's factory, a {@link
 * BufferedHookContext} over the backend, {@code handle}, then the buffered writes as the outcome.
 *
 * <p>While the charm runs, the SLF4J MDC carries {@code unit} and {@code hook}; the previous values
 * are restored afterwards. Anything the charm (or its factory) throws fails the hook, errors such
 * as {@link StackOverflowError} included, except {@link OutOfMemoryError} and {@link
 * InternalError}, which leave the JVM in doubt and propagate.
 */
public final class HookExecution {
  /** The MDC key naming the unit that runs a hook. */
  public static final String MDC_UNIT = "unit";

  /** The MDC key naming the hook that runs. */
  public static final String MDC_HOOK = "hook";

  private HookExecution() {}

  /**
   * Runs the hook.
   *
   * @param backend the unit's view of the model
   * @return the changes to commit, or the failure with only the action's log and failure message
   */
  public static HookOutcome run(HookBackend backend) {
    requireNonNull(backend, "backend");
    String unitName = backend.unit().unitName();
    String hookName = backend.event().hookName();
    HookScope scope = new HookScope(unitName, hookName);
    BufferedHookContext context = new BufferedHookContext(backend, scope);
    String previousUnit = MDC.get(MDC_UNIT);
    String previousHook = MDC.get(MDC_HOOK);
    MDC.put(MDC_UNIT, unitName);
    MDC.put(MDC_HOOK, hookName);
    try {
      Charm charm = newCharm(backend.charm());
      charm.handle(context);
      scope.close();
      return new HookOutcome(context.changes(), null);
    } catch (OutOfMemoryError | InternalError fatal) {
      scope.close();
      throw fatal;
    } catch (Throwable failure) {
      scope.close();
      return new HookOutcome(context.failureChanges(failure), failure);
    } finally {
      restore(MDC_UNIT, previousUnit);
      restore(MDC_HOOK, previousHook);
    }
  }

  private static Charm newCharm(CharmDefinition definition) {
    Charm charm = definition.factory().get();
    if (charm == null) {
      throw new IllegalStateException(
          "the factory of charm \"" + definition.name() + "\" returned null instead of a charm");
    }
    return charm;
  }

  private static void restore(String key, String previous) {
    if (previous == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, previous);
    }
  }
}
