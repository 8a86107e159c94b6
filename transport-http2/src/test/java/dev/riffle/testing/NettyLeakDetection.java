package dev.riffle.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when Netty's leak detector reports a leaked buffer. Netty only logs leaks; this installs a detector
 * factory that records them, and after each test collects garbage and provokes detection (Netty reports a leak
 * when it next tracks an allocation) so that a buffer leaked by the test is seen before the next one starts.
 *
 * <p>Registered for every test class of a module through {@code META-INF/services} and
 * {@code junit.jupiter.extensions.autodetection.enabled}, so that the factory is in place before any buffer class
 * is loaded. The detection level is set to PARANOID by the build ({@code -Dio.netty.leakDetection.level}).
 */
public final class NettyLeakDetection implements AfterEachCallback {

    private static final List<String> LEAKS = new ArrayList<>();

    static {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(20);
            provokeDetection();
        }
        List<String> found;
        synchronized (LEAKS) {
            found = new ArrayList<>(LEAKS);
            LEAKS.clear();
        }
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " Netty buffer leak(s) detected by " + context.getDisplayName()
                    + " (or a test before it):\n" + String.join("\n", found));
        }
    }

    /** Each tracked allocation makes the detector drain its queue of collected, unreleased buffers. */
    private static void provokeDetection() {
        for (int i = 0; i < 64; i++) {
            ByteBuf a = PooledByteBufAllocator.DEFAULT.buffer(8);
            ByteBuf b = UnpooledByteBufAllocator.DEFAULT.heapBuffer(8);
            a.release();
            b.release();
        }
    }

    private static void record(String leak) {
        synchronized (LEAKS) {
            LEAKS.add(leak);
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                   long maxActive) {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            record("LEAK of " + resourceType + ":" + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            record("LEAK of " + resourceType + " (untraced)");
            super.reportUntracedLeak(resourceType);
        }
    }
}
