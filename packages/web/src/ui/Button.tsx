import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: 'md' | 'sm';
  busy?: boolean;
}

/** The one button of the app; `busy` disables it while a request is in flight (no double submits). */
export function Button({ variant = 'secondary', size = 'md', busy = false, className, disabled, type, ...rest }: Props) {
  const classes = ['btn', `btn-${variant}`, size === 'sm' ? 'btn-sm' : '', busy ? 'is-busy' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return <button type={type ?? 'button'} className={classes} disabled={disabled || busy} aria-busy={busy} {...rest} />;
}
