// "Chọn tệp…" as a real button, so Tab reaches it and Enter or Space opens the file chooser (a
// label around a hidden file input looks like a button but is not in the Tab order). The input
// stays in the page, named by `inputLabel`, for drag-less tests and screen readers.
import { useRef, type ReactNode } from 'react';

export function FilePick({
  children,
  inputLabel,
  onFiles,
  accept,
  multiple,
  directory,
  className,
  title,
  disabled,
}: {
  children: ReactNode;
  inputLabel: string;
  onFiles: (files: File[]) => void;
  accept?: string;
  multiple?: boolean;
  /** Choose a whole folder (its files, subfolders included). */
  directory?: boolean;
  className?: string;
  title?: string;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        title={title}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {children}
      </button>
      <input
        ref={(el) => {
          input.current = el;
          if (el && directory) el.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        tabIndex={-1}
        aria-label={inputLabel}
        accept={accept}
        multiple={multiple}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = ''; // the same file chosen again is read again
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
}
