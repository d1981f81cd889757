package dev.aksdoctor.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoubleFailureFilterTest {

    @Test
    void theSdksSecondFailureIsDropped_everythingElseReachesTheHandlerVertxHad() {
        Vertx vertx = Vertx.vertx();
        try {
            List<Throwable> seen = new ArrayList<>();
            vertx.exceptionHandler(seen::add);

            DoubleFailureFilter.installOn(vertx);
            DoubleFailureFilter.installOn(vertx);
            vertx.exceptionHandler().handle(new IllegalStateException("Result is already complete"));
            IllegalStateException other = new IllegalStateException("something else");
            vertx.exceptionHandler().handle(other);

            assertInstanceOf(DoubleFailureFilter.class, vertx.exceptionHandler());
            assertEquals(List.of(other), seen, "installed once, only the SDK's second failure dropped");
        } finally {
            vertx.close();
        }
    }
}
