package dev.deckhand.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine is a library every front end shares: no GUI toolkit may leak into it. */
@AnalyzeClasses(
    packages = "dev.deckhand.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class CoreLayeringTest {

  @ArchTest
  static final ArchRule coreDoesNotUseJavaFx =
      noClasses()
          .that()
          .resideInAPackage("dev.deckhand.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "com.sun.javafx..")
          .because("core is the engine; the GUI reads its snapshots, never the other way round");

  @ArchTest
  static final ArchRule coreDoesNotUseAwtOrSwing =
      noClasses()
          .that()
          .resideInAPackage("dev.deckhand.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.awt..", "javax.swing..")
          .because("only the tray touches AWT, and the tray lives in app");
}
