package dev.wisex.rewriter;

import dev.wisex.api.LimitExceededException;
import dev.wisex.api.ProgressListener;
import dev.wisex.api.RuntimeSelectionException;
import dev.wisex.api.StdioStreams;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeFeatures;
import dev.wisex.rewriter.init.OutOfFuelException;
import dev.wisex.rewriter.init.WasiHosts;
import dev.wisex.rewriter.instrument.EngineLimitException;
import dev.wisex.runtime.spi.ProcessorTime;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs the whole pipeline on two backends at once, each on its own thread, keeps the first output
 * and stops the other (init is deterministic, so both would write the same bytes). Side effects
 * stay single: both read the same stdin ({@link SharedInput}), each writes init's stdout and stderr
 * to its own buffer and only the winner's reach the caller's streams, after the race; each has its
 * own WASI sandbox and preloaded instances. A failure is reported as the compiling backend alone
 * would report it, so it does not depend on timing: its failure ends the race at once, unless the
 * failure is the engine's own (a memory it cannot hold, a heap it ran out of, a proposal it lacks),
 * in which case the other backend's outcome counts; the other's failure waits for the compiling
 * one's outcome. Once the compiling backend has its code (compiled, or from its cache) and begins
 * init, the other side is stopped: from there the compiling one is the faster on every module
 * measured, and the two would only share the processors; should the compiling one then fail for a
 * reason of its own, the other runs again, alone. Where too few processors are idle for that, the
 * trial runs the two one after the other instead ({@link EngineChoice#trialBudget}).
 */
final class EngineRace {
  private static final Logger LOG = LogManager.getLogger(EngineRace.class);

  private EngineRace() {}

  /**
   * {@code -Dwisex.race=auto|always|trial|never}: whether the middle band races (default auto: with
   * {@link #RACE_PROCESSORS} idle processors), tries the on-demand backend first ({@code trial},
   * auto's choice with fewer), or runs the compiling backend alone ({@code never}).
   */
  static final String PROPERTY = "wisex.race";

  /**
   * Idle processors a race needs: one for each side and one for the JIT compiler's threads, which
   * both feed. On two idle processors (2026-12-03) the race took 1.61x GraalWasm's time alone on
   * javy, the two sides sharing them, where the trial took 1.06x; the trial's worst, sqlite, was
   * 1.43x, the race's there 1.05x.
   */
  static final int RACE_PROCESSORS = 3;

  /**
   * Why init may not run on two backends at once here, or {@code null} if it may. Besides the
   * embedder's functions, {@code auto} refuses where fewer than {@link #RACE_PROCESSORS} are idle
   * (by the one-minute load average, where the system reports one): there the sides share the
   * processors and the winner takes up to twice as long; the trial runs instead.
   *
   * @param hostFunctions whether the embedder links functions of its own, which would be called
   *     from both
   */
  static String refusal(boolean hostFunctions) {
    if (hostFunctions) {
      return "the embedder's host functions would run twice";
    }
    String mode = System.getProperty(PROPERTY, "auto");
    if (mode.equals("never")) {
      return "-D" + PROPERTY + "=never";
    }
    if (mode.equals("always")) {
      return null;
    }
    if (mode.equals("trial")) {
      return "-D" + PROPERTY + "=trial";
    }
    int processors = Runtime.getRuntime().availableProcessors();
    if (processors < 2) {
      return "one processor";
    }
    double idle = processors - Math.max(0, LoadAverage.oneMinute());
    if (idle < RACE_PROCESSORS) {
      return String.format(
          Locale.ROOT,
          "%.1f of %d processors idle, fewer than the %d a race needs",
          Math.max(0, idle),
          processors,
          RACE_PROCESSORS);
    }
    return null;
  }

  /**
   * Whether, where init may not race, the on-demand backend may run first, alone, within a budget
   * ({@link EngineChoice#trialBudget}): not with the embedder's functions, which would run twice,
   * nor with {@code -Dwisex.race=never}. One processor is enough: the two run one after the other.
   */
  static boolean trialAllowed(boolean hostFunctions) {
    return !hostFunctions && !System.getProperty(PROPERTY, "auto").equals("never");
  }

  /**
   * The race or trial {@link EngineChoice} decides on for this module, or {@code null} if it
   * decides on one backend (then the pipeline decides again, with the same result, on the same
   * parse).
   *
   * @param noRace {@link #refusal}'s answer
   * @param trial {@link #trialAllowed}'s answer
   */
  static EngineChoice plan(
      ParsedInput input,
      WisexOptions options,
      RuntimeRegistry runtimes,
      String noRace,
      boolean trial) {
    if (options.runtime().name() != null || (noRace != null && !trial)) {
      return null;
    }
    WasmModule module = input.module();
    CodeSize code = CodeSize.of(module);
    if (code.bytes() < EngineChoice.SMALL_CODE_BYTES
        || code.bytes() >= EngineChoice.LARGE_CODE_BYTES) {
      return null; // one backend
    }
    CodeFeatures features = input.code();
    EngineChoice choice =
        EngineChoice.choose(
            runtimes,
            options.runtime(),
            RequiredCapabilities.of(module, features),
            code,
            null,
            noRace,
            trial,
            CompileCostHazard.of(module, features),
            input.pace());
    return choice.rival() == null ? null : choice;
  }

  /**
   * Runs {@code choice}'s race or trial.
   *
   * @param memo where to remember the backend that finished, or {@code null}
   * @param attempt a pre-initializer for options that name one backend
   */
  static WisexResult run(
      ParsedInput input,
      WisexOptions options,
      EngineChoice choice,
      EngineMemo memo,
      ProgressListener progress,
      Function<WisexOptions, Preinitializer> attempt) {
    LOG.info("init runs on {}", choice.reason());
    Sides sides = new Sides(input, options, choice, progress, attempt);
    WisexResult result = choice.trial() ? sides.trial() : sides.race();
    if (memo != null) {
      memo.remember(result.report().runtime());
    }
    return result;
  }

  /**
   * The two sides of one race and what the race thread hears from them: a side ended, or the
   * compiling side began init ({@link Event#ended} {@code null}).
   */
  private static final class Sides {
    private record Event(Attempt ended) {}

    /** How often a trial looks at the processor time used. */
    private static final long POLL_MILLIS = 20;

    private final ParsedInput input;
    private final WisexOptions options;
    private final EngineChoice choice;
    private final ProgressListener progress;
    private final Function<WisexOptions, Preinitializer> attempt;
    private final StdioStreams stdio;
    private final SharedInput stdin;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Attempt compiled;
    private final Attempt onDemand;
    private final long start = System.nanoTime();

    Sides(
        ParsedInput input,
        WisexOptions options,
        EngineChoice choice,
        ProgressListener progress,
        Function<WisexOptions, Preinitializer> attempt) {
      this.input = input;
      this.options = options;
      this.choice = choice;
      this.progress = progress;
      this.attempt = attempt;
      this.stdio = WasiHosts.stdio(options.host());
      this.stdin = stdio.in() == null ? null : new SharedInput(stdio.in());
      this.compiled = new Attempt(choice.runtime(), stdin, this::ended, schedule(choice));
      this.onDemand = new Attempt(choice.rival(), stdin, this::ended, schedule(choice));
    }

    /** Who chose each side's backend, for its {@code -vv} line. */
    private static String schedule(EngineChoice choice) {
      return choice.trial() ? "the trial" : "the race";
    }

    private void ended(Attempt side) {
      events.add(new Event(side));
    }

    WisexResult race() {
      progress.stage("init", "on " + compiled.runtime.name() + " and " + onDemand.runtime.name());
      onDemand.start(input, options, attempt, ProgressListener.NONE, input.took());
      compiled.start(input, options, attempt, new BeginsInit(events), input.took());
      try {
        Attempt decided = decide();
        if (decided == null) {
          LOG.info(
              "{}; running init again on runtime `{}`",
              compiled.failure.getMessage(),
              onDemand.runtime.name());
          progress.stage("init", "on " + onDemand.runtime.name());
          decided = new Attempt(choice.rival(), stdin, this::ended, schedule(choice));
          decided.start(input, options, attempt, ProgressListener.NONE, spent());
          next();
        }
        Attempt other = decided == compiled ? onDemand : compiled;
        other.stop();
        LOG.info(
            "`{}` {} after {} ms; `{}` stopped",
            decided.runtime.name(),
            decided.result != null ? "finished first" : "failed",
            millis(),
            other.runtime.name());
        return outcome(decided);
      } catch (InterruptedException e) {
        throw interrupted(e);
      }
    }

    /**
     * The on-demand side alone until it ends, has run {@link EngineChoice#steps} (as {@code --fuel}
     * counts them; the user's own fuel, where lower, is its limit) or has used {@link
     * EngineChoice#budget} of processor time (the process's, so a busy machine does not cut it
     * short); then, unless it finished, the compiling side alone, under the user's options, whose
     * outcome is then the run's (so a failure is reported as the compiling backend reports it).
     */
    WisexResult trial() {
      Duration budget = choice.budget().processorTime();
      long steps = choice.steps();
      long userFuel = options.limits().fuel();
      boolean stepBound = steps > 0 && (userFuel == 0 || steps < userFuel);
      WisexOptions trialOptions = stepBound ? options.toBuilder().fuel(steps).build() : options;
      progress.stage("init", "on " + onDemand.runtime.name());
      Duration before = ProcessorTime.used();
      onDemand.start(input, trialOptions, attempt, ProgressListener.NONE, input.took());
      try {
        Attempt tried = next(() -> ProcessorTime.used().minus(before).compareTo(budget) > 0);
        Attempt decided = tried;
        boolean outOfSteps = stepBound && tried.failure instanceof OutOfFuelException;
        if (tried.result == null
            && !outOfSteps
            && spent().compareTo(options.limits().timeout()) >= 0) {
          // --timeout bounds the whole run: nothing is left for the other backend.
          return outcome(tried);
        }
        if (tried.result == null) {
          LOG.info(
              "`{}` {} after {} ms; init runs on `{}`",
              onDemand.runtime.name(),
              outOfSteps
                  ? String.format(Locale.ROOT, "did not finish within %,d steps", steps)
                  : onDemand.preempted
                      ? "did not finish within " + budget.toMillis() + " ms of processor time"
                      : "failed (" + onDemand.failure.getMessage() + ")",
              millis(),
              compiled.runtime.name());
          progress.stage("init", "on " + compiled.runtime.name());
          compiled.start(input, options, attempt, ProgressListener.NONE, spent());
          decided = next(() -> false);
        }
        LOG.info(
            "`{}` {} after {} ms ({} ms of processor time since the trial began)",
            decided.runtime.name(),
            decided.result != null ? "finished" : "failed",
            millis(),
            ProcessorTime.used().minus(before).toMillis());
        return outcome(decided);
      } catch (InterruptedException e) {
        throw interrupted(e);
      }
    }

    /**
     * The decided side's outcome: its init output reaches the caller's streams, then its result.
     */
    private WisexResult outcome(Attempt decided) {
      decided.deliver(stdio);
      if (decided.result == null) {
        throw decided.failure;
      }
      return decided.result;
    }

    /** Stops both sides when the caller's thread is interrupted while it waits. */
    private LimitExceededException interrupted(InterruptedException e) {
      compiled.stop();
      onDemand.stop();
      Thread.currentThread().interrupt();
      return new LimitExceededException("interrupted while waiting for init", e);
    }

    /** The next side to end, stopping the on-demand side once {@code spent} says its time is up. */
    private Attempt next(BooleanSupplier spent) throws InterruptedException {
      while (true) {
        Event event = events.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (event != null) {
          return event.ended();
        }
        if (spent.getAsBoolean()) {
          onDemand.preempt();
        }
      }
    }

    /**
     * The attempt whose outcome is the race's, or {@code null} when the on-demand side must run
     * again: it was stopped when the compiling side began init, which then failed for a reason of
     * its engine's.
     */
    private Attempt decide() throws InterruptedException {
      Attempt first = next();
      if (first.result != null) {
        return first;
      }
      if (first == compiled && !ownFailure(compiled.failure)) {
        return compiled; // the module's failure: the other would fail alike
      }
      Attempt second = next();
      if (second.result != null) {
        return second;
      }
      if (onDemand.preempted) {
        return ownFailure(compiled.failure) ? null : compiled;
      }
      // Both failed: the compiling backend's failure, unless it was its engine's own.
      return ownFailure(compiled.failure) && !ownFailure(onDemand.failure) ? onDemand : compiled;
    }

    /**
     * The next side to end. When the compiling side begins init first, the on-demand side is
     * stopped unless it has ended, and progress says init runs on the compiling one alone.
     */
    private Attempt next() throws InterruptedException {
      while (true) {
        Event event = events.take();
        if (event.ended() != null) {
          return event.ended();
        }
        if (onDemand.preempt()) {
          LOG.debug(
              "`{}` begins init after {} ms; `{}` stopped",
              compiled.runtime.name(),
              millis(),
              onDemand.runtime.name());
          progress.stage("init", "on " + compiled.runtime.name());
        }
      }
    }

    private long millis() {
      return (System.nanoTime() - start) / 1_000_000;
    }

    /** What the call has used of {@code --timeout}: the shared parse and the sides so far. */
    private Duration spent() {
      return input.took().plus(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /**
   * Hears, on the compiling side's thread, when its instance exists (its code is compiled and
   * loaded) and tells the race thread.
   */
  private record BeginsInit(BlockingQueue<Sides.Event> events) implements ProgressListener {
    @Override
    public void stage(String stage, String detail) {}

    @Override
    public void watchMemory(LongSupplier memoryBytes) {
      events.add(new Sides.Event(null));
    }
  }

  /** A failure of the engine rather than of the module: another engine may succeed. */
  static boolean ownFailure(RuntimeException failure) {
    return failure instanceof EngineLimitException
        || failure instanceof RuntimeSelectionException
        || OutOfHeap.causedBy(failure);
  }

  /** One side of the race: its thread, its buffered output, its outcome. */
  private static final class Attempt {
    final WasmRuntime runtime;
    final SharedInput stdin;
    final Consumer<Attempt> ended;
    final String schedule;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    volatile WisexResult result;
    volatile RuntimeException failure;

    /** Whether it was stopped before it ended because the compiling side began init. */
    volatile boolean preempted;

    private Thread thread;

    Attempt(WasmRuntime runtime, SharedInput stdin, Consumer<Attempt> ended, String schedule) {
      this.runtime = runtime;
      this.stdin = stdin;
      this.ended = ended;
      this.schedule = schedule;
    }

    synchronized void start(
        ParsedInput input,
        WisexOptions options,
        Function<WisexOptions, Preinitializer> attempt,
        ProgressListener progress,
        Duration spent) {
      WisexOptions.Builder own = options.toBuilder().runtime(runtime.name());
      if (options.host().inheritStdio()) {
        own.stdio(new StdioStreams(stdin == null ? null : stdin.reader(), out, err));
      }
      Preinitializer preinitializer = attempt.apply(own.build()).withProgress(progress);
      thread =
          new Thread(
              () -> {
                try {
                  result = preinitializer.preinitialize(input, schedule, null, spent);
                } catch (RuntimeException e) {
                  failure = e;
                } catch (OutOfMemoryError e) {
                  failure = OutOfHeap.during("init", e);
                } finally {
                  ended.accept(this);
                }
              },
              "wisex-race-" + runtime.name());
      thread.setDaemon(true);
      thread.start();
    }

    /**
     * Interrupts the attempt, if it was started: its init stops as at --timeout, its thread then
     * ends.
     */
    synchronized void stop() {
      if (thread != null) {
        thread.interrupt();
      }
    }

    /** Stops the attempt unless it has ended; whether it did. */
    synchronized boolean preempt() {
      if (result != null || failure != null) {
        return false;
      }
      preempted = true;
      thread.interrupt();
      return true;
    }

    /** Writes what init wrote to the caller's streams, or logs it where they are unset. */
    void deliver(StdioStreams streams) {
      deliver(out, streams.out(), "stdout");
      deliver(err, streams.err(), "stderr");
    }

    private static void deliver(ByteArrayOutputStream text, OutputStream to, String name) {
      if (text.size() == 0) {
        return;
      }
      if (to == null) {
        LOG.info("init wrote to {}: {}", name, text.toString(StandardCharsets.UTF_8).strip());
        return;
      }
      try {
        text.writeTo(to);
        to.flush();
      } catch (IOException e) {
        LOG.warn("could not write init's {}: {}", name, e.getMessage());
      }
    }
  }
}
