package dev.bosun.charm;

/**
 * Work a charm package has done on a background thread when a short-lived process starts that is
 * about to run hooks, so that its first hooks find their code loaded and compiled: a {@code bosun
 * deploy} spends most of its first second starting up on one core while the other waits.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (list the class in {@code
 * META-INF/services/dev.bosun.charm.WarmUp}). A warm-up must be cheap (tenths of a second), have no
 * effect outside the process (no files, no network, no processes) and only exercise code — the
 * libraries its hooks use, with throwaway inputs. It may still be running when the first hooks run,
 * alongside them as hooks of different units run alongside each other, so it must be as safe to run
 * concurrently as a hook; what it throws is ignored.
 *
 * <pre>{@code
 * public final class PkiWarmUp implements WarmUp {
 *   public void run() {
 *     CertificateAuthority ca = CertificateAuthority.create("warm-up", EC_SETTINGS);
 *     ca.signClientCertificate(RequesterKey.generate(EC).createCsr("warm-up", List.of()), "warm-up", 1);
 *   }
 * }
 * }</pre>
 */
public interface WarmUp {
  /** Exercises the code the charm's first hooks run; see the class description for the rules. */
  void run();
}
