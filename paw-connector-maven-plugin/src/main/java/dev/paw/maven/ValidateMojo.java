package dev.paw.maven;

import dev.paw.build.ConnectorBuildException;
import dev.paw.build.PawBuild;
import dev.paw.build.ValidateRequest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks every connector file without generating anything: each diagnostic is printed as {@code
 * path:line:col: message}, and any error (or, with {@code paw.failOnWarning}, any warning) fails
 * the build. Run it as {@code mvn paw:validate}, e.g. in CI.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ValidateMojo extends AbstractConnectorMojo {

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("Skipping paw:validate (paw.skip)");
      return;
    }
    try {
      new PawBuild(buildLog()).validate(new ValidateRequest(sourceSet(), failOnWarning));
    } catch (ConnectorBuildException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }
}
