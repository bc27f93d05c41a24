package dev.wisex.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * Every rule over the production classes of every wisex module (test classes and fixtures
 * excluded).
 */
@AnalyzeClasses(packages = "dev.wisex", importOptions = ImportOption.DoNotIncludeTests.class)
class ProductionArchitectureTest {
  @ArchTest static final ArchRule moduleLayering = WisexRules.MODULE_LAYERING;
  @ArchTest static final ArchRule backendsArePrivate = WisexRules.BACKENDS_ARE_PRIVATE;
  @ArchTest static final ArchRule chicoryOnlyInItsBackend = WisexRules.CHICORY_ONLY_IN_ITS_BACKEND;
  @ArchTest static final ArchRule graalvmOnlyInItsBackend = WisexRules.GRAALVM_ONLY_IN_ITS_BACKEND;
  @ArchTest static final ArchRule jimfsOnlyInWasix = WisexRules.JIMFS_ONLY_IN_WASIX;
  @ArchTest static final ArchRule picocliOnlyInCli = WisexRules.PICOCLI_ONLY_IN_CLI;
  @ArchTest static final ArchRule log4jCoreOnlyInCli = WisexRules.LOG4J_CORE_ONLY_IN_CLI;
  @ArchTest static final ArchRule mavenApiOnlyInPlugin = WisexRules.MAVEN_API_ONLY_IN_PLUGIN;

  @ArchTest
  static final ArchRule mavenPluginUsesTheLibraryApi = WisexRules.MAVEN_PLUGIN_USES_THE_LIBRARY_API;

  @ArchTest
  static final ArchRule pipelineStagesDependForward = WisexRules.PIPELINE_STAGES_DEPEND_FORWARD;

  @ArchTest
  static final ArchRule codecModelBelowWritersAndAnalyses =
      WisexRules.CODEC_MODEL_BELOW_WRITERS_AND_ANALYSES;

  @ArchTest static final ArchRule noPackageCycles = WisexRules.NO_PACKAGE_CYCLES;

  @ArchTest
  static final ArchRule standardStreamsOnlyInCli = WisexRules.STANDARD_STREAMS_ONLY_IN_CLI;

  @ArchTest
  static final ArchRule sandboxNeverTouchesHostFiles = WisexRules.SANDBOX_NEVER_TOUCHES_HOST_FILES;

  @ArchTest
  static final ArchRule loggersArePrivateStaticFinal = WisexRules.LOGGERS_ARE_PRIVATE_STATIC_FINAL;

  @ArchTest
  static final ArchRule publicExceptionsExtendWisexException =
      WisexRules.PUBLIC_EXCEPTIONS_EXTEND_WISEX_EXCEPTION;

  /**
   * A rule about classes that were never imported passes vacuously, and the layers are optional.
   */
  private static final List<String> PACKAGES_THAT_MUST_HAVE_CLASSES =
      List.of(
          "dev.wisex.api",
          "dev.wisex.parser",
          "dev.wisex.parser.analysis",
          "dev.wisex.runtime.spi",
          "dev.wisex.runtime.chicory",
          "dev.wisex.runtime.graal",
          "dev.wisex.runtime.node",
          "dev.wisex.wasix",
          "dev.wisex.testkit",
          "dev.wisex.rewriter",
          "dev.wisex.rewriter.validate",
          "dev.wisex.rewriter.instrument",
          "dev.wisex.rewriter.init",
          "dev.wisex.rewriter.snapshot",
          "dev.wisex.rewriter.rewrite",
          "dev.wisex.rewriter.names",
          "dev.wisex.cli",
          "dev.wisex.maven",
          "dev.wisex.bench",
          "dev.wisex.wasix.fs",
          "dev.wisex.wasix.config");

  @ArchTest
  static void everyModuleAndStageIsImported(JavaClasses classes) {
    for (String name : PACKAGES_THAT_MUST_HAVE_CLASSES) {
      assertTrue(
          classes.containPackage(name) && !classes.getPackage(name).getClasses().isEmpty(),
          () -> "no production class in " + name);
    }
  }

  /** A module the rules do not know would escape the layering: add it to WisexRules first. */
  @ArchTest
  static void everyClassBelongsToAModuleTheRulesKnow(JavaClasses classes) {
    for (JavaClass c : classes) {
      String p = c.getPackageName();
      assertTrue(
          WisexRules.MODULE_ROOTS.stream()
              .anyMatch(root -> p.equals(root) || p.startsWith(root + ".")),
          () -> c.getName() + " is in no module the architecture rules know");
    }
  }

  @ArchTest
  static void theDesignatedHostTreeCopierExists(JavaClasses classes) {
    assertTrue(classes.contain(WisexRules.HOST_TREE_COPIER), "rename it in WisexRules too");
  }

  @ArchTest
  static void noFixtureIsImportedAsProduction(JavaClasses classes) {
    for (JavaClass c : classes) {
      assertFalse(
          c.getName().contains(".archfixture."),
          () -> "fixture imported as production: " + c.getName());
    }
  }
}
