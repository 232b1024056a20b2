import type { ReactNode } from 'react'

// Drawn here rather than emoji: a phone without a colour-emoji font shows emoji as empty boxes; an SVG always renders.
// Each is a 24×24 line drawing in the text's colour.
const SHAPES = {
  sad: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9 9.5h.01M15 9.5h.01M8.5 16.5c1-1.3 2.2-2 3.5-2s2.5.7 3.5 2" />
    </>
  ),
  happy: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9 9.5h.01M15 9.5h.01M8 14c1 1.6 2.4 2.5 4 2.5s3-.9 4-2.5" />
    </>
  ),
  light: <path d="M6 18C6 10 11 4 20 4c0 9-6 14-14 14zM3 21l11-11" />,
  heavy: (
    <>
      <path d="M8 10.5 7.5 7a3 3 0 0 1 3-3h3a3 3 0 0 1 3 3l-.5 3.5" />
      <path d="M8.7 20a6 6 0 1 1 6.6 0z" fill="currentColor" />
    </>
  ),
  talk: (
    <path d="M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-9l-5 4v-4H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zM8 10.5h.01M12 10.5h.01M16 10.5h.01" />
  ),
  home: <path d="M3 11.5 12 4l9 7.5M5.5 9.5V20h13V9.5M10 20v-5.5h4V20" />,
  rest: (
    <path d="M5 11V8a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v3M3 13a2 2 0 0 1 4 0v1h10v-1a2 2 0 0 1 4 0v4a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1zM6 18v2M18 18v2" />
  ),
  document: <path d="M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6" />,
  schoolbag: (
    <path d="M6 10a6 6 0 0 1 12 0v10a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1zM10 4.3V3.5a1 1 0 0 1 1-1h2a1 1 0 0 1 1 1v.8M9 21v-4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v4M10 10h4" />
  ),
  phone: <path d="M5 4h3l2 5-2.5 1.5a11 11 0 0 0 6 6L15 14l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z" />,
  mail: <path d="M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zM3.5 6.5 12 13l8.5-6.5" />,
  lock: (
    <path d="M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1zM8 11V7a4 4 0 0 1 8 0v4M12 15v2" />
  ),
  link: <path d="M10 14a4 4 0 0 0 5.7 0l3-3A4 4 0 0 0 13 5.3l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />,
  mobile: <path d="M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zM11 18h2" />,
  heart: <path d="M12 20C7 16.5 3 13 3 8.5A4.5 4.5 0 0 1 12 6a4.5 4.5 0 0 1 9 2.5C21 13 17 16.5 12 20z" />,
  key: (
    <>
      <circle cx="8" cy="16" r="4" />
      <path d="m11 13 9-9M16.5 7.5l2.5 2.5M14 10l2 2" />
    </>
  ),
  clipboard: (
    <path d="M8 4H6a1 1 0 0 0-1 1v15a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V5a1 1 0 0 0-1-1h-2M9 3h6v3H9zM9 11h6M9 15h6" />
  ),
} satisfies Record<string, ReactNode>

export type PictogramName = keyof typeof SHAPES

/** A small picture beside a word: decoration only (the word says it), so screen readers skip it. */
export function Pictogram({ name, className }: { name: PictogramName; className?: string }) {
  return (
    <svg
      className={className ? `ci-icon ${className}` : 'ci-icon'}
      viewBox="0 0 24 24"
      width="1.5em"
      height="1.5em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {SHAPES[name]}
    </svg>
  )
}
