import { FileInput } from "@mantine/core";
import { useIntl } from "react-intl";
import { checkFileLocally, fileInputStyles, uploadAccept, uploadHint } from "./fileUpload.js";

interface Props {
  id?: string;
  label: string;
  description?: string;
  required?: boolean;
  value: File | null;
  error?: string | null;
  /** The chosen file (or none) and what is wrong with it by its name and size, if anything. */
  onChange: (file: File | null, problem: string | null) => void;
}

/** The file field of every upload: PDF, Word or Excel up to 20 MB, checked as soon as it is chosen. */
export function UploadInput({ description, onChange, ...props }: Props) {
  const intl = useIntl();
  return (
    <FileInput
      {...props}
      description={description ?? uploadHint()}
      placeholder={intl.formatMessage({ id: "common.upload.choose", defaultMessage: "Choose a file" })}
      styles={fileInputStyles}
      accept={uploadAccept}
      clearable
      clearButtonProps={{
        "aria-label": intl.formatMessage({
          id: "common.upload.remove",
          defaultMessage: "Remove the chosen file",
        }),
      }}
      onChange={(file) => onChange(file, file ? checkFileLocally(file) : null)}
    />
  );
}
