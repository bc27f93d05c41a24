package dev.wisex.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/**
 * The architecture of wisex as ArchUnit rules (CONTRIBUTING.md's "Architecture rules" table). Every
 * rule's reason starts with the rule's name in brackets, so a failure says which rule broke;
 * CONTRIBUTING.md lists them.
 *
 * <p>Rules name packages, not classes: a class is covered by where it lives, whichever module
 * brings it.
 */
public final class WisexRules {
  static final String API = "dev.wisex.api..";
  static final String PARSER = "dev.wisex.parser..";
  static final String SPI = "dev.wisex.runtime.spi..";
  static final String WASIX = "dev.wisex.wasix..";
  static final String CHICORY_BACKEND = "dev.wisex.runtime.chicory..";
  static final String GRAAL_BACKEND = "dev.wisex.runtime.graal..";
  static final String NODE_BACKEND = "dev.wisex.runtime.node..";
  static final String REWRITER = "dev.wisex.rewriter..";
  static final String CLI = "dev.wisex.cli..";
  static final String MAVEN_PLUGIN = "dev.wisex.maven..";
  static final String BENCH = "dev.wisex.bench..";
  static final String TESTKIT = "dev.wisex.testkit..";

  /** The root package of every module the rules above place. */
  static final List<String> MODULE_ROOTS =
      List.of(
          "dev.wisex.api",
          "dev.wisex.parser",
          "dev.wisex.runtime.spi",
          "dev.wisex.wasix",
          "dev.wisex.runtime.chicory",
          "dev.wisex.runtime.graal",
          "dev.wisex.runtime.node",
          "dev.wisex.rewriter",
          "dev.wisex.cli",
          "dev.wisex.maven",
          "dev.wisex.bench",
          "dev.wisex.testkit");

  /** Backends are the packages {@code dev.wisex.runtime.NAME..} other than the SPI. */
  private static final String BACKEND_PREFIX = "dev.wisex.runtime.";

  /**
   * The one class allowed to read the host file system from the WASI/WASIX layer (it copies trees
   * in).
   */
  static final String HOST_TREE_COPIER = "dev.wisex.wasix.fs.HostTreeCopier";

  /** The benchmark command: prints its results, so it may use the standard streams like the CLI. */
  static final String BENCH_MAIN = "dev.wisex.bench.BenchMain";

  private WisexRules() {}

  /**
   * api ← parser, spi; spi ← wasix; parser + spi ← backends; parser + spi + wasix ← rewriter; cli
   * on top. Nothing depends on the CLI or on the testkit (test support).
   *
   * <p>Backends may read the binary format with the parser (issue 17): it depends on nothing but
   * the api, so it adds no engine and no cycle, and one codec replaces each backend's own LEB128
   * and section code. The SPI itself stays free of it, so a plugin needs the parser only if it
   * wants it.
   */
  public static final ArchRule MODULE_LAYERING =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          // Optional so a fixture can be checked alone; ProductionArchitectureTest checks every
          // layer has classes.
          .withOptionalLayers(true)
          .layer("api")
          .definedBy(API)
          .layer("parser")
          .definedBy(PARSER)
          .layer("runtime-spi")
          .definedBy(SPI)
          .layer("wasix")
          .definedBy(WASIX)
          .layer("runtime-chicory")
          .definedBy(CHICORY_BACKEND)
          .layer("runtime-graal")
          .definedBy(GRAAL_BACKEND)
          .layer("runtime-node")
          .definedBy(NODE_BACKEND)
          .layer("rewriter")
          .definedBy(REWRITER)
          .layer("cli")
          .definedBy(CLI)
          .layer("maven-plugin")
          .definedBy(MAVEN_PLUGIN)
          .layer("bench")
          .definedBy(BENCH)
          .layer("testkit")
          .definedBy(TESTKIT)
          .whereLayer("api")
          .mayNotAccessAnyLayer()
          .whereLayer("parser")
          .mayOnlyAccessLayers("api")
          .whereLayer("runtime-spi")
          .mayOnlyAccessLayers("api")
          .whereLayer("wasix")
          .mayOnlyAccessLayers("runtime-spi", "api")
          .whereLayer("runtime-chicory")
          .mayOnlyAccessLayers("parser", "runtime-spi", "api")
          .whereLayer("runtime-graal")
          .mayOnlyAccessLayers("parser", "runtime-spi", "api")
          .whereLayer("runtime-node")
          .mayOnlyAccessLayers("parser", "runtime-spi", "api")
          .whereLayer("rewriter")
          .mayOnlyAccessLayers("parser", "runtime-spi", "wasix", "api")
          .whereLayer("cli")
          .mayOnlyAccessLayers("rewriter", "runtime-spi", "api")
          .whereLayer("cli")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("maven-plugin")
          .mayOnlyAccessLayers("rewriter", "runtime-spi", "api")
          .whereLayer("maven-plugin")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("bench")
          .mayOnlyAccessLayers("rewriter", "runtime-spi", "api", "parser", "wasix")
          .whereLayer("bench")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("testkit")
          .mayNotBeAccessedByAnyLayer()
          .because(
              "[module-layering] api <- parser, runtime-spi; runtime-spi <- wasix;"
                  + " parser + runtime-spi <- each backend;"
                  + " parser + runtime-spi + wasix <- rewriter; cli, maven-plugin and bench on top;"
                  + " nothing depends on cli, maven-plugin, bench or testkit");

  /** Backends are found with ServiceLoader: nothing outside a backend names one of its classes. */
  public static final ArchRule BACKENDS_ARE_PRIVATE =
      classes()
          .should(notDependOnAnotherBackend())
          .because(
              "[backends-are-private] a runtime backend is found through ServiceLoader only;"
                  + " no class outside dev.wisex.runtime.NAME.. may reference it");

  public static final ArchRule CHICORY_ONLY_IN_ITS_BACKEND =
      noClasses()
          .that()
          .resideOutsideOfPackages(CHICORY_BACKEND, TESTKIT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.dylibso.chicory..")
          .because(
              "[chicory-only-in-its-backend] Chicory is used by the Chicory backend (and the testkit) only");

  public static final ArchRule GRAALVM_ONLY_IN_ITS_BACKEND =
      noClasses()
          .that()
          .resideOutsideOfPackage(GRAAL_BACKEND)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.graalvm..", "com.oracle.truffle..")
          .because(
              "[graalvm-only-in-its-backend] GraalVM and Truffle are used by the GraalWasm backend only");

  public static final ArchRule JIMFS_ONLY_IN_WASIX =
      noClasses()
          .that()
          .resideOutsideOfPackages(WASIX, TESTKIT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.google.common.jimfs..")
          .because(
              "[jimfs-only-in-wasix] Jimfs is the WASI/WASIX sandbox's file system (and the testkit's) only");

  public static final ArchRule PICOCLI_ONLY_IN_CLI =
      noClasses()
          .that()
          .resideOutsideOfPackage(CLI)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("picocli..")
          .because(
              "[picocli-only-in-cli] picocli parses the command line and is used by the CLI only");

  public static final ArchRule LOG4J_CORE_ONLY_IN_CLI =
      noClasses()
          .that()
          .resideOutsideOfPackage(CLI)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.logging.log4j.core..")
          .because(
              "[log4j-core-only-in-cli] libraries log through the Log4j2 API; log4j-core is the CLI's choice");

  public static final ArchRule MAVEN_API_ONLY_IN_PLUGIN =
      noClasses()
          .that()
          .resideOutsideOfPackage(MAVEN_PLUGIN)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..")
          .because(
              "[maven-api-only-in-plugin] Maven's API is the Maven plugin's; the library knows no build tool");

  /**
   * The Maven plugin is a library user like any other: it reaches the pipeline through {@code
   * Preinitializer} and the API types, never through the stages, so what works in Maven works in
   * any embedding.
   */
  public static final ArchRule MAVEN_PLUGIN_USES_THE_LIBRARY_API =
      classes()
          .that()
          .resideInAPackage(MAVEN_PLUGIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              MAVEN_PLUGIN,
              "dev.wisex.api",
              "dev.wisex.rewriter",
              "dev.wisex.runtime.spi",
              "java..",
              "org.apache.maven..",
              // The JDK's XML API, with which maven-plugin-plugin's generated HelpMojo (wisex:help)
              // reads the plugin descriptor.
              "javax.xml..",
              "org.w3c.dom..",
              "org.xml.sax..")
          .because(
              "[maven-plugin-uses-the-library-api] the plugin calls Preinitializer with WisexOptions, as"
                  + " README's library examples do, and nothing below them");

  /**
   * The pipeline stages in order: validate, instrument, init, snapshot, rewrite. A stage may use
   * the types of the stages before it, never of one after it; init, the only stage that runs guest
   * code, is used by the driver ({@code dev.wisex.rewriter}) alone; {@code names} holds the names
   * several stages agree on and uses no stage; no stage uses the driver.
   */
  public static final ArchRule PIPELINE_STAGES_DEPEND_FORWARD =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .withOptionalLayers(true)
          .layer("driver")
          .definedBy("dev.wisex.rewriter")
          .layer("names")
          .definedBy("dev.wisex.rewriter.names..")
          .layer("validate")
          .definedBy("dev.wisex.rewriter.validate..")
          .layer("instrument")
          .definedBy("dev.wisex.rewriter.instrument..")
          .layer("init")
          .definedBy("dev.wisex.rewriter.init..")
          .layer("snapshot")
          .definedBy("dev.wisex.rewriter.snapshot..")
          .layer("rewrite")
          .definedBy("dev.wisex.rewriter.rewrite..")
          .whereLayer("driver")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("names")
          .mayNotAccessAnyLayer()
          .whereLayer("validate")
          .mayOnlyAccessLayers("names")
          .whereLayer("instrument")
          .mayOnlyAccessLayers("validate", "names")
          .whereLayer("init")
          .mayOnlyAccessLayers("validate", "instrument", "names")
          .whereLayer("init")
          .mayOnlyBeAccessedByLayers("driver")
          .whereLayer("snapshot")
          .mayOnlyAccessLayers("validate", "instrument", "names")
          .whereLayer("rewrite")
          .mayOnlyAccessLayers("validate", "instrument", "snapshot", "names")
          .because(
              "[pipeline-stages-depend-forward] validate -> instrument -> init -> snapshot -> rewrite:"
                  + " a stage uses earlier stages only, init is used by the driver alone, names by anyone");

  /**
   * Inside the codec: the module model and its reader ({@code dev.wisex.parser}) know neither the
   * writers nor the analyses, which both build on the model and not on each other, so a backend
   * that only reads modules never loads a writer.
   */
  public static final ArchRule CODEC_MODEL_BELOW_WRITERS_AND_ANALYSES =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("model")
          .definedBy("dev.wisex.parser")
          .layer("write")
          .definedBy("dev.wisex.parser.write..")
          .layer("analysis")
          .definedBy("dev.wisex.parser.analysis..")
          .whereLayer("model")
          .mayNotAccessAnyLayer()
          .whereLayer("write")
          .mayOnlyAccessLayers("model")
          .whereLayer("analysis")
          .mayOnlyAccessLayers("model")
          .because(
              "[codec-model-below-writers-and-analyses] dev.wisex.parser (model, reader) <-"
                  + " parser.write, parser.analysis; the two do not use each other");

  /** No package under dev.wisex takes part in a dependency cycle. */
  public static final ArchRule NO_PACKAGE_CYCLES =
      slices()
          .matching("dev.wisex.(**)")
          .should()
          .beFreeOfCycles()
          .because("[no-package-cycles] packages under dev.wisex form no dependency cycle");

  public static final ArchRule STANDARD_STREAMS_ONLY_IN_CLI =
      noClasses()
          .that()
          .resideOutsideOfPackage(CLI)
          .and()
          .haveNameNotMatching(BENCH_MAIN.replace(".", "\\.") + "(\\$.*)?")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .orShould()
          .callMethod(System.class, "exit", int.class)
          .orShould()
          .callMethod(Runtime.class, "exit", int.class)
          .orShould()
          .callMethod(Runtime.class, "halt", int.class)
          .because(
              "[standard-streams-only-in-cli] libraries report through exceptions and the Log4j2 API;"
                  + " only the CLI (and the benchmark command, BenchMain) writes to System.out/System.err or"
                  + " ends the JVM");

  public static final ArchRule SANDBOX_NEVER_TOUCHES_HOST_FILES =
      noClasses()
          .that()
          .resideInAPackage(WASIX)
          .and()
          .haveNameNotMatching(HOST_TREE_COPIER.replace(".", "\\.") + "(\\$.*)?")
          .should()
          .callMethod(FileSystems.class, "getDefault")
          .orShould()
          .callMethod(Path.class, "of", String.class, String[].class)
          .orShould()
          .callMethod(Path.class, "of", URI.class)
          .orShould()
          .dependOnClassesThat()
          .belongToAnyOf(Paths.class, RandomAccessFile.class)
          .orShould()
          .dependOnClassesThat()
          .haveNameMatching("java\\.io\\.File.*")
          .because(
              "[sandbox-never-touches-host-files] the WASI/WASIX layer works on its Jimfs sandbox; only "
                  + HOST_TREE_COPIER
                  + " reads the default file system, to copy --dir/--mapdir trees in");

  public static final ArchRule LOGGERS_ARE_PRIVATE_STATIC_FINAL =
      fields()
          .that()
          .haveRawType("org.apache.logging.log4j.Logger")
          .should()
          .bePrivate()
          .andShould()
          .beStatic()
          .andShould()
          .beFinal()
          .andShould()
          .haveName("LOG")
          .because(
              "[loggers-are-private-static-final] one logger per class: private static final Logger LOG");

  /**
   * Exceptions another module can see extend the one root. An exception in a package its module
   * does not export (such as an errno carrier that never leaves a WASI handler) cannot escape as
   * its own type and is left alone.
   */
  public static final ArchRule PUBLIC_EXCEPTIONS_EXTEND_WISEX_EXCEPTION =
      classes()
          .that()
          .resideInAPackage("dev.wisex..")
          .and()
          .areAssignableTo(Throwable.class)
          .and()
          .arePublic()
          .and(not(ModuleExports.inAPackageItsModuleDoesNotExport()))
          .should()
          .beAssignableTo("dev.wisex.api.WisexException")
          .because(
              "[public-exceptions-extend-wisex-exception] callers catch one unchecked root, WisexException,"
                  + " and the CLI maps its subclasses to exit codes");

  private static ArchCondition<JavaClass> notDependOnAnotherBackend() {
    return new ArchCondition<>("not depend on a runtime backend other than their own") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> own = backendOf(origin.getPackageName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          Optional<String> target = backendOf(dependency.getTargetClass().getPackageName());
          if (target.isPresent() && !target.equals(own)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /**
   * The backend a package belongs to: {@code graal} for {@code dev.wisex.runtime.graal.x}; empty
   * for the SPI.
   */
  static Optional<String> backendOf(String packageName) {
    if (!packageName.startsWith(BACKEND_PREFIX)) {
      return Optional.empty();
    }
    String rest = packageName.substring(BACKEND_PREFIX.length());
    String name = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    return name.equals("spi") ? Optional.empty() : Optional.of(name);
  }
}
