package dev.deckhand.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * AWT loads its toolkit on first touch, and glass GTK fails if that happens before JavaFX starts
 * (toolchain-notes.md): only the tray package, created after JavaFX is up, may use it.
 */
@AnalyzeClasses(packages = "dev.deckhand.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AwtOnlyInTrayTest {

  @ArchTest
  static final ArchRule onlyTheTrayTouchesAwt =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.deckhand.app.tray..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.awt..", "javax.swing..")
          .because("only the tray touches AWT, and only after JavaFX has started");
}
