package dev.bosun.testing.store;

import dev.bosun.runtime.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract of {@link Store}, as tests: a backend proves it keeps the contract by extending this
 * class and opening a fresh store for each test.
 *
 * <pre>{@code
 * class SqliteStoreContractTest extends StoreContract {
 *   @TempDir Path dir;
 *
 *   @Override
 *   protected Store newStore(Clock clock, int historyLimit) {
 *     return SqliteStore.builder(dir.resolve(UUID.randomUUID() + ".db"))
 *         .clock(clock).historyLimit(historyLimit).open();
 *   }
 * }
 * }</pre>
 *
 * <p>The suite covers reads and revisions ({@link KeyValueContract}), transactions ({@link
 * TransactionContract}), watches ({@link WatchContract}), leases ({@link LeaseContract}), large
 * values and many keys ({@link LargeDataContract}), concurrent writers ({@link
 * ConcurrencyContract}) and closing ({@link CloseContract}). A backend that supports only some of
 * them may implement those interfaces and {@link StoreFixture} itself instead.
 *
 * <p>Leases run on a {@link ContractClock#manual() manual clock} unless {@link #newContractClock}
 * says otherwise; a backend on its own time returns {@link ContractClock#wall}. Watches may deliver
 * on a thread of the store's choosing: the tests poll for deliveries with a real-time deadline
 * ({@link ContractClock#awaitTimeout()}) and never sleep for a fixed time, except to let a lease's
 * time pass on the wall clock.
 */
public abstract class StoreContract
    implements KeyValueContract,
        TransactionContract,
        WatchContract,
        LeaseContract,
        LargeDataContract,
        ConcurrencyContract,
        CloseContract {

  /** The history limit of {@link #store()}. */
  public static final int HISTORY_LIMIT = 1_000;

  private final List<Store> opened = new ArrayList<>();
  private ContractClock contractClock;
  private Store store;

  /**
   * Opens a fresh, empty store.
   *
   * @param clock the clock leases run on; a backend on its own time ignores it
   * @param historyLimit how many revisions of changes the store must remember for watches; it may
   *     forget older ones (and must, for the compaction test, once more than this many revisions
   *     follow them)
   */
  protected abstract Store newStore(Clock clock, int historyLimit);

  /**
   * Opens another client of a store this test opened (with {@link #newStore}): another connection
   * to the same state, as a second process would. Empty by default, which skips the tests that need
   * one; a backend that several processes share overrides it.
   *
   * @param store a store returned by {@link #newStore}
   * @param clock the clock it runs on
   */
  protected Optional<Store> openAgain(Store store, Clock clock) {
    return Optional.empty();
  }

  @Override
  public final Optional<Store> secondClient() {
    Optional<Store> second = openAgain(store(), contractClock().clock());
    second.ifPresent(opened::add);
    return second;
  }

  /**
   * Returns the time this test's stores run on; called once per test. A {@link
   * ContractClock#manual() manual clock} unless overridden.
   */
  protected ContractClock newContractClock() {
    return ContractClock.manual();
  }

  @Override
  public final Store store() {
    if (store == null) {
      store = storeWithHistoryLimit(HISTORY_LIMIT);
    }
    return store;
  }

  @Override
  public final Store storeWithHistoryLimit(int historyLimit) {
    Store opening = newStore(contractClock().clock(), historyLimit);
    opened.add(opening);
    return opening;
  }

  @Override
  public final ContractClock contractClock() {
    if (contractClock == null) {
      contractClock = newContractClock();
    }
    return contractClock;
  }

  /** Closes every store the test opened. */
  @AfterEach
  protected final void closeStores() {
    // Latest first: second clients before the store they share.
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    opened.clear();
  }
}
