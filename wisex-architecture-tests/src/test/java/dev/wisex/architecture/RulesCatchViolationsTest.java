package dev.wisex.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.wisex.archfixture.RogueException;
import dev.wisex.archfixture.cycle.a.CycleA;
import dev.wisex.archfixture.cycle.b.CycleB;
import dev.wisex.cli.archfixture.CliPrints;
import dev.wisex.maven.archfixture.PluginLogsThroughMaven;
import dev.wisex.maven.archfixture.PluginUsesSnapshotter;
import dev.wisex.parser.analysis.archfixture.AnalysisUsesWriter;
import dev.wisex.parser.archfixture.ParserUsesRuntimeSpi;
import dev.wisex.rewriter.archfixture.ExitsTheJvm;
import dev.wisex.rewriter.archfixture.ImportsChicory;
import dev.wisex.rewriter.archfixture.ImportsGraalVm;
import dev.wisex.rewriter.archfixture.ImportsJimfs;
import dev.wisex.rewriter.archfixture.ImportsLog4jCore;
import dev.wisex.rewriter.archfixture.ImportsMavenApi;
import dev.wisex.rewriter.archfixture.ImportsPicocli;
import dev.wisex.rewriter.archfixture.PrintsToStdout;
import dev.wisex.rewriter.archfixture.PublicLogger;
import dev.wisex.rewriter.archfixture.RewriterUsesCli;
import dev.wisex.rewriter.archfixture.RewriterUsesMavenPlugin;
import dev.wisex.rewriter.archfixture.RewriterUsesTestkit;
import dev.wisex.rewriter.archfixture.UsesChicoryBackend;
import dev.wisex.rewriter.instrument.archfixture.InstrumentUsesSnapshot;
import dev.wisex.rewriter.rewrite.archfixture.RewriteUsesInit;
import dev.wisex.rewriter.snapshot.archfixture.SnapshotUsesInstrument;
import dev.wisex.runtime.chicory.archfixture.ChicoryUsesGraalBackend;
import dev.wisex.testkit.archfixture.TestkitUsesChicory;
import dev.wisex.wasix.abi.archfixture.HiddenErrno;
import dev.wisex.wasix.fs.archfixture.ReadsHostFiles;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shows that each rule can fail: a deliberately broken fixture (test sources, in packages named
 * like the real ones, {@code ..archfixture..}) must violate the rule, and the report must name both
 * the rule and the fixture. {@link ProductionArchitectureTest} shows the same rules hold on the
 * production classes.
 */
class RulesCatchViolationsTest {

  static Stream<Arguments> brokenFixtures() {
    return Stream.of(
        broken("module-layering", WisexRules.MODULE_LAYERING, ParserUsesRuntimeSpi.class),
        broken("module-layering", WisexRules.MODULE_LAYERING, RewriterUsesCli.class),
        broken("module-layering", WisexRules.MODULE_LAYERING, RewriterUsesTestkit.class),
        broken("module-layering", WisexRules.MODULE_LAYERING, RewriterUsesMavenPlugin.class),
        broken("backends-are-private", WisexRules.BACKENDS_ARE_PRIVATE, UsesChicoryBackend.class),
        broken(
            "backends-are-private", WisexRules.BACKENDS_ARE_PRIVATE, ChicoryUsesGraalBackend.class),
        broken(
            "chicory-only-in-its-backend",
            WisexRules.CHICORY_ONLY_IN_ITS_BACKEND,
            ImportsChicory.class),
        broken(
            "graalvm-only-in-its-backend",
            WisexRules.GRAALVM_ONLY_IN_ITS_BACKEND,
            ImportsGraalVm.class),
        broken("jimfs-only-in-wasix", WisexRules.JIMFS_ONLY_IN_WASIX, ImportsJimfs.class),
        broken("picocli-only-in-cli", WisexRules.PICOCLI_ONLY_IN_CLI, ImportsPicocli.class),
        broken("log4j-core-only-in-cli", WisexRules.LOG4J_CORE_ONLY_IN_CLI, ImportsLog4jCore.class),
        broken(
            "maven-api-only-in-plugin", WisexRules.MAVEN_API_ONLY_IN_PLUGIN, ImportsMavenApi.class),
        broken(
            "maven-plugin-uses-the-library-api",
            WisexRules.MAVEN_PLUGIN_USES_THE_LIBRARY_API,
            PluginUsesSnapshotter.class),
        broken(
            "pipeline-stages-depend-forward",
            WisexRules.PIPELINE_STAGES_DEPEND_FORWARD,
            InstrumentUsesSnapshot.class),
        broken(
            "pipeline-stages-depend-forward",
            WisexRules.PIPELINE_STAGES_DEPEND_FORWARD,
            RewriteUsesInit.class),
        broken(
            "codec-model-below-writers-and-analyses",
            WisexRules.CODEC_MODEL_BELOW_WRITERS_AND_ANALYSES,
            AnalysisUsesWriter.class),
        broken("no-package-cycles", WisexRules.NO_PACKAGE_CYCLES, CycleA.class, CycleB.class),
        broken(
            "standard-streams-only-in-cli",
            WisexRules.STANDARD_STREAMS_ONLY_IN_CLI,
            PrintsToStdout.class),
        broken(
            "standard-streams-only-in-cli",
            WisexRules.STANDARD_STREAMS_ONLY_IN_CLI,
            ExitsTheJvm.class),
        broken(
            "sandbox-never-touches-host-files",
            WisexRules.SANDBOX_NEVER_TOUCHES_HOST_FILES,
            ReadsHostFiles.class),
        broken(
            "loggers-are-private-static-final",
            WisexRules.LOGGERS_ARE_PRIVATE_STATIC_FINAL,
            PublicLogger.class),
        broken(
            "public-exceptions-extend-wisex-exception",
            WisexRules.PUBLIC_EXCEPTIONS_EXTEND_WISEX_EXCEPTION,
            RogueException.class));
  }

  @ParameterizedTest(name = "[{0}] fails on {2}")
  @MethodSource("brokenFixtures")
  void ruleReportsTheBrokenFixture(
      String name, ArchRule rule, String fixtureNames, List<Class<?>> fixture) {
    EvaluationResult result = rule.evaluate(imported(fixture));

    assertTrue(result.hasViolation(), () -> "[" + name + "] did not fail on " + fixtureNames);
    String report = result.getFailureReport().toString();
    assertTrue(
        report.contains("[" + name + "]"), () -> "the report does not name the rule:\n" + report);
    assertTrue(
        report.contains(fixture.get(0).getName()),
        () -> "the report does not name the fixture:\n" + report);
  }

  /**
   * Fixtures on the allowed side of a rule's line, so an exemption cannot silently swallow the
   * rule.
   */
  static Stream<Arguments> allowedFixtures() {
    return Stream.of(
        broken(
            "chicory-only-in-its-backend",
            WisexRules.CHICORY_ONLY_IN_ITS_BACKEND,
            TestkitUsesChicory.class),
        broken(
            "pipeline-stages-depend-forward",
            WisexRules.PIPELINE_STAGES_DEPEND_FORWARD,
            SnapshotUsesInstrument.class),
        broken(
            "standard-streams-only-in-cli",
            WisexRules.STANDARD_STREAMS_ONLY_IN_CLI,
            CliPrints.class),
        broken(
            "public-exceptions-extend-wisex-exception",
            WisexRules.PUBLIC_EXCEPTIONS_EXTEND_WISEX_EXCEPTION,
            HiddenErrno.class),
        broken(
            "maven-api-only-in-plugin",
            WisexRules.MAVEN_API_ONLY_IN_PLUGIN,
            PluginLogsThroughMaven.class),
        broken(
            "maven-plugin-uses-the-library-api",
            WisexRules.MAVEN_PLUGIN_USES_THE_LIBRARY_API,
            PluginLogsThroughMaven.class));
  }

  @ParameterizedTest(name = "[{0}] allows {2}")
  @MethodSource("allowedFixtures")
  void ruleAllowsTheFixture(
      String name, ArchRule rule, String fixtureNames, List<Class<?>> fixture) {
    // An exempt class is outside the rule's that() clause, so here the rule checks nothing at all.
    EvaluationResult result = rule.allowEmptyShould(true).evaluate(imported(fixture));

    assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
  }

  private static Arguments broken(String name, ArchRule rule, Class<?>... fixture) {
    String names = String.join(" + ", Arrays.stream(fixture).map(Class::getSimpleName).toList());
    return arguments(name, rule, names, List.of(fixture));
  }

  /**
   * Only the fixture's classes: what they depend on is resolved from the class path, as in
   * production.
   */
  private static JavaClasses imported(List<Class<?>> fixture) {
    return new ClassFileImporter().importClasses(fixture);
  }
}
