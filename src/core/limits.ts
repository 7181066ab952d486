/** Length limits shared by the API schemas and the web forms, so both refuse the same input. */
export const limits = {
  name: 200,
  personName: 120,
  email: 254,
  passwordMin: 10,
  passwordMax: 200,
  description: 5000,
  phone: 40,
  url: 500,
  search: 200,
  naicsPerPartnership: 10,
  countiesPerPartnership: 200,
  pageSizeMax: 100,
} as const;
