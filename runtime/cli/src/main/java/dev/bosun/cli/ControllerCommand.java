package dev.bosun.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;

/** {@code bosun controller}: a long-running process that holds the model. */
@Command(
    name = "controller",
    mixinStandardHelpOptions = true,
    header = "Hold the model: drive hooks, supervise services, apply other commands' changes.",
    description = {
      "",
      "Takes the model's controller lease and keeps it until stopped (Ctrl-C or SIGTERM). While",
      "it runs it supervises the model's services (restarting those that die), fires",
      "update-status, retries failed hooks, and runs the commands other 'bosun' invocations",
      "hand it: they return at once (or, with --wait, when the model settled) instead of",
      "driving the model themselves."
    })
final class ControllerCommand extends ModelCommand {
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  boolean changesModel() {
    return false;
  }

  @Override
  boolean isController() {
    return true;
  }

  @Override
  boolean createsModel() {
    return true;
  }

  @Override
  int execute(Session session) {
    if (access().isAttached()) {
      throw new ModelBusyException("this model already has a controller");
    }
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                stopped.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "bosun-controller-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (RequestServer server = RequestServer.start(session)) {
      out()
          .println(
              "bosun controller: holding the model in "
                  + session.directory().root()
                  + " (pid "
                  + ProcessHandle.current().pid()
                  + "); Ctrl-C to stop");
      out().flush();
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }

  /** Called after the session and lease are released: lets the shutdown hook finish. */
  @Override
  void afterClose(ModelDirectory directory, boolean succeeded) {
    stopped.countDown();
  }
}
