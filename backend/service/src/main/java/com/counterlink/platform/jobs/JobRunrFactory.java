package com.counterlink.platform.jobs;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;

import javax.sql.DataSource;
import java.time.Duration;

/** JobRunr 8 has no Micronaut integration, so it is wired here by hand on the owner DataSource. */
@Factory
public class JobRunrFactory {

    @Singleton
    @Bean(preDestroy = "close")
    StorageProvider storageProvider(@Named("owner") DataSource dataSource) {
        // JobRunr manages its own connections and transactions, outside Micronaut's.
        return SqlStorageProviderFactory.using(DelegatingDataSource.unwrapDataSource(dataSource));
    }

    @Singleton
    JobScheduler jobScheduler(StorageProvider storageProvider, ApplicationContext context,
                              @Value("${jobrunr.background-job-server.enabled:true}") boolean serverEnabled,
                              @Value("${jobrunr.background-job-server.worker-count:4}") int workers) {
        return JobRunr.configure()
                .useJobActivator(context::getBean)
                .useStorageProvider(storageProvider)
                .useBackgroundJobServerIf(serverEnabled,
                        BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                                .andWorkerCount(workers)
                                .andPollInterval(Duration.ofSeconds(5)))
                .initialize()
                .getJobScheduler();
    }
}
