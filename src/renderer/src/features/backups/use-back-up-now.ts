// "Back up now", wherever it is offered: one backup at a time per button, its error kept for the
// button's owner to show. A backup clears a failed daily one: the status arrives as a pushed event,
// and the mutation invalidates backup.* so every status and list on screen is read again.
import { errorText } from '../../api/error-text'
import { useChannelMutation } from '../../api/queries'

export function useBackUpNow() {
  const mutation = useChannelMutation('backup.now')
  return {
    busy: mutation.isPending,
    error: mutation.error ? errorText(mutation.error) : null,
    made: mutation.data ?? null,
    run: () => mutation.mutateAsync({}).catch(() => null)
  }
}
