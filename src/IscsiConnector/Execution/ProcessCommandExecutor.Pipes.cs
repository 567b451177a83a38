namespace IscsiConnector.Execution;

/// <content>Standard input writing and the fate of pipe tasks left behind by a kill.</content>
public sealed partial class ProcessCommandExecutor
{
    private static async Task WriteStandardInputAsync(StreamWriter writer, string? text, CancellationToken cancellationToken)
    {
        try
        {
            if (!string.IsNullOrEmpty(text))
            {
                // Bytes straight to the pipe, so the writer holds no buffer that Close() would flush synchronously.
                await writer.BaseStream.WriteAsync(Utf8NoBom.GetBytes(text), cancellationToken).ConfigureAwait(false);
                await writer.BaseStream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The child closed its input, exited or was killed before reading it all; its exit code or the timeout tells what happened.
        }
        finally
        {
            // Closing (also when there is no input) gives the child end-of-file instead of a prompt that waits forever.
            try
            {
                writer.Close();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                // Same as above: the pipe is already gone.
            }
        }
    }

    private static void Forget(Task task) => task.ContinueWith(
        static t => _ = t.Exception,
        CancellationToken.None,
        TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
        TaskScheduler.Default);
}
