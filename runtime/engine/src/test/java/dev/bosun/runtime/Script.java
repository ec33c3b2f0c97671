package dev.bosun.runtime;

import dev.bosun.charm.Charm;
import dev.bosun.charm.HookContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What a test charm does, hook by hook: handlers by hook name (the action name for actions), plus
 * handlers for every hook. A fresh {@link ScriptedCharm} runs for each hook, as Bosun requires; the
 * script outlives them.
 */
final class Script {
  private final Map<String, List<Consumer<HookContext>>> handlers = new ConcurrentHashMap<>();
  private final List<Consumer<HookContext>> always = new CopyOnWriteArrayList<>();

  /** Runs {@code handler} in the named hook (or action), after earlier handlers. */
  Script on(String hook, Consumer<HookContext> handler) {
    handlers.computeIfAbsent(hook, k -> new CopyOnWriteArrayList<>()).add(handler);
    return this;
  }

  /** Runs {@code handler} in every hook, before the named handlers. */
  Script always(Consumer<HookContext> handler) {
    always.add(handler);
    return this;
  }

  /** Removes every handler of a hook. */
  Script clear(String hook) {
    handlers.remove(hook);
    return this;
  }

  Charm newCharm() {
    return new ScriptedCharm(this);
  }

  void run(HookContext ctx) {
    for (Consumer<HookContext> handler : always) {
      handler.accept(ctx);
    }
    for (Consumer<HookContext> handler : handlers.getOrDefault(ctx.event().hookName(), List.of())) {
      handler.accept(ctx);
    }
  }

  /** A charm that runs its script. */
  static final class ScriptedCharm implements Charm {
    private final Script script;

    ScriptedCharm(Script script) {
      this.script = script;
    }

    @Override
    public void handle(HookContext ctx) {
      script.run(ctx);
    }
  }
}
