package dev.parley.server.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.parley.server.config.LogFormat;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * Reconfigures logback from {@code logback.xml} once the settings are known, so the format from
 * a config file applies too, and one-shot commands log only warnings, to stderr, keeping stdout
 * for their output.
 */
final class LogSetup {
    private LogSetup() {
    }

    static void apply(LogFormat format, boolean forServer) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        URL config = LogSetup.class.getResource("/logback.xml");
        if (config == null) return;
        context.reset();
        context.putProperty("parley.log.format", format.wireName());
        context.putProperty("parley.log.target", forServer ? "System.out" : "System.err");
        context.putProperty("parley.log.level", forServer ? "INFO" : "WARN");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            System.err.println("Cannot configure logging: " + e.getMessage());
        }
    }
}
