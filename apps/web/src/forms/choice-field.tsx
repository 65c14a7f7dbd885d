import { Radio, Stack, type MantineSpacing } from '@mantine/core';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** What choosing it means, under the label. */
  description?: string;
  disabled?: boolean;
}

/** One of a few choices, as radios under the field's label, one per line. */
export function ChoiceField<T extends string>({
  name,
  label,
  choices,
  value,
  onChange,
  error,
  required,
  gap = 'sm',
}: {
  name: string;
  label: string;
  choices: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string;
  required?: boolean;
  gap?: MantineSpacing;
}) {
  return (
    <Radio.Group
      name={name}
      label={label}
      required={required}
      value={value}
      onChange={(next) => {
        const chosen = choices.find((choice) => choice.value === next);
        if (chosen) onChange(chosen.value);
      }}
      error={error}
    >
      <Stack gap={gap} mt="xs">
        {choices.map((choice) => (
          <Radio
            key={choice.value}
            value={choice.value}
            label={choice.label}
            description={choice.description}
            disabled={choice.disabled}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
