import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mentoringKeys } from './mentoring-queries';

/** Writes to a pairing answer with the pairing (or a session): keep the cache in step. */
export function usePairingMutation<T>(pairingId: string, run: (body: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      if (result && typeof result === 'object' && 'myActions' in result) {
        queryClient.setQueryData(mentoringKeys.pairing(pairingId), result);
      } else {
        await queryClient.invalidateQueries({ queryKey: mentoringKeys.pairing(pairingId) });
      }
    },
  });
}
