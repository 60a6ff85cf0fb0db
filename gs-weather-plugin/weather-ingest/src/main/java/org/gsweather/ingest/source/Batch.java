package org.gsweather.ingest.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;

/** Runs the file jobs of one poll on the shared download pool, at most the configured number at once. */
final class Batch {
    /** One file to fetch. */
    @FunctionalInterface
    interface Job {
        FileResult call() throws Exception;
    }

    private Batch() {}

    /**
     * Runs the jobs in order, reporting each result to the events.
     *
     * @param stopAtUnpublished submit no further job once one finds its file not yet published (model hours
     *     are published in order, so later ones are not there either)
     */
    static List<FileResult> run(SourceContext context, String source, List<Job> jobs, boolean stopAtUnpublished)
            throws InterruptedException {
        List<FileResult> results = new ArrayList<>();
        CompletionService<FileResult> done = new ExecutorCompletionService<>(context.downloads());
        List<Future<FileResult>> running = new ArrayList<>();
        int inFlight = 0;
        int next = 0;
        boolean stop = false;
        try {
            while (true) {
                while (!stop && inFlight < context.concurrency() && next < jobs.size()) {
                    Job job = jobs.get(next++);
                    running.add(done.submit(job::call));
                    inFlight++;
                }
                if (inFlight == 0) {
                    return results;
                }
                Future<FileResult> finished = done.take();
                inFlight--;
                FileResult result;
                try {
                    result = finished.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof InterruptedException) {
                        throw (InterruptedException) cause;
                    }
                    result = FileResult.failed("?", Instant.EPOCH, String.valueOf(cause));
                }
                results.add(result);
                context.events().file(source, result);
                stop |= stopAtUnpublished && result.outcome() == Outcome.NOT_PUBLISHED;
            }
        } catch (InterruptedException e) {
            // Stop the downloads at their next read; their partial files stay for resumption.
            running.forEach(f -> f.cancel(true));
            throw e;
        }
    }
}
