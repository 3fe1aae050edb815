package dev.paw.runtime.internal.http;

import dev.paw.runtime.internal.LimitSettings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * An answer broke one of the limits on what a server may make paw do (too many bytes, too slow).
 * Asking again would only repeat it, so a sync does not retry the page.
 */
public final class ResponseLimitException extends IOException {

  private static final long serialVersionUID = 1L;

  public ResponseLimitException(String message) {
    super(message);
  }

  /**
   * {@code e} with a message that names the limit when it is OkHttp's call timeout (an {@link
   * InterruptedIOException} "timeout" that is not a socket's read timeout); else {@code e} itself.
   */
  public static IOException explained(IOException e, Duration callTimeout) {
    if (e instanceof InterruptedIOException
        && !(e instanceof SocketTimeoutException)
        && "timeout".equals(e.getMessage())) {
      ResponseLimitException explained =
          new ResponseLimitException(
              "the request took longer than the "
                  + callTimeout.toSeconds()
                  + " s limit on one request; raise it with "
                  + LimitSettings.how(LimitSettings.CALL_TIMEOUT));
      explained.initCause(e);
      return explained;
    }
    return e;
  }
}
