package dev.wisex.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The wisex module descriptors on the class path, read from their {@code module-info.class}. A
 * module owns its root package and the packages below it (one root package per module,
 * CONTRIBUTING.md's "Module graph"); a package it does not export, not even to a named module, can
 * be seen by no other module.
 */
final class ModuleExports {
  private static final List<ModuleDescriptor> MODULES = read();

  private ModuleExports() {}

  /** Classes in a package that their module keeps to itself. */
  static DescribedPredicate<JavaClass> inAPackageItsModuleDoesNotExport() {
    return DescribedPredicate.describe(
        "in a package its module does not export", c -> isHidden(c.getPackageName()));
  }

  static boolean isHidden(String packageName) {
    for (ModuleDescriptor module : MODULES) {
      String root = module.name();
      if (packageName.equals(root) || packageName.startsWith(root + ".")) {
        return module.exports().stream().noneMatch(e -> e.source().equals(packageName));
      }
    }
    return false;
  }

  static List<String> moduleNames() {
    return MODULES.stream().map(ModuleDescriptor::name).sorted().toList();
  }

  private static List<ModuleDescriptor> read() {
    List<ModuleDescriptor> modules = new ArrayList<>();
    try {
      for (URL url :
          Collections.list(
              ModuleExports.class.getClassLoader().getResources("module-info.class"))) {
        try (InputStream in = url.openStream()) {
          ModuleDescriptor descriptor = ModuleDescriptor.read(in);
          if (descriptor.name().startsWith("dev.wisex.")) {
            modules.add(descriptor);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Longest name first, so a module nested in another's name space would win (none is today).
    modules.sort((a, b) -> b.name().length() - a.name().length());
    return List.copyOf(modules);
  }
}
