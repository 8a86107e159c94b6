package dev.riffle.transport.http2;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

/**
 * A TCP peer on loopback that is not the server a client expects: it accepts one connection, reads whatever
 * arrives for a moment, answers with fixed bytes and closes. For tests of what a transport says when the endpoint
 * speaks another protocol.
 */
public final class CannedPeer implements AutoCloseable {

    private final ServerSocket listener;

    /** Starts listening; the first connection gets {@code answer}. */
    public CannedPeer(byte[] answer) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> answerOnce(answer), "canned-peer");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code scheme://127.0.0.1:PORT}. */
    public URI uri(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + listener.getLocalPort());
    }

    private void answerOnce(byte[] answer) {
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout(200);
            InputStream in = socket.getInputStream();
            try {
                in.read(new byte[16 * 1024]); // the client's first flight, unread beyond this
            } catch (java.net.SocketTimeoutException quiet) {
                // a client that waits for the server to speak first
            }
            socket.getOutputStream().write(answer);
            socket.getOutputStream().flush();
            Thread.sleep(500); // let the client read the answer before the close
        } catch (IOException | InterruptedException e) {
            // the test has ended, or the client hung up first: nothing to answer
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
