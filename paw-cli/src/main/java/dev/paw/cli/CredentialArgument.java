package dev.paw.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The value of {@code --credential NAME=...}: {@code @FILE} reads the secret from a file and {@code
 * -} from standard input, so that it appears neither in {@code ps} output nor in the shell's
 * history; anything else is the value itself (discouraged for secrets). One trailing line break is
 * removed, as {@code echo} and editors add one. Errors name the credential and the file, never the
 * value.
 */
final class CredentialArgument {

  /**
   * Far more than any key or token; a bigger file is a mistake (a wrong path), not a credential.
   */
  static final int MAX_BYTES = 64 * 1024;

  static final String STDIN = "-";

  private CredentialArgument() {}

  /** The value {@code argument} stands for; standard input is read only for {@code -}. */
  static String resolve(String name, String argument, Terminal terminal) {
    if (argument.equals(STDIN)) {
      return nonEmpty(name, stripOneLineBreak(terminal.readAllInput()), "standard input");
    }
    if (argument.startsWith("@")) {
      return nonEmpty(
          name,
          stripOneLineBreak(readFile(name, Path.of(argument.substring(1)))),
          argument.substring(1));
    }
    return argument;
  }

  /** True when {@code argument} asks for standard input. */
  static boolean fromStdin(String argument) {
    return STDIN.equals(argument);
  }

  private static String readFile(String name, Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException(
            "--credential "
                + name
                + "=@"
                + file
                + ": the file is larger than "
                + MAX_BYTES / 1024
                + " KiB; is it the right file?");
      }
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--credential " + name + "=@" + file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "--credential " + name + "=@" + file + ": the file is not UTF-8 text");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--credential "
              + name
              + "=@"
              + file
              + ": cannot read it ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  private static String stripOneLineBreak(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private static String nonEmpty(String name, String value, String source) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("--credential " + name + ": " + source + " is empty");
    }
    return value;
  }
}
