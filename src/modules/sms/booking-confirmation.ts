/** The text of a booking confirmation SMS: who, what, when (company-local), where, and how to change it. Pure. */
export function bookingConfirmationText(input: {
  companyName: string;
  serviceName: string;
  label: string;
  address: string | null;
  companyPhone: string;
}): string {
  const where = input.address ? ` at ${input.address}` : '';
  return `${input.companyName}: you're booked for ${input.serviceName} on ${input.label}${where}. To change or cancel, call ${formatUsPhone(input.companyPhone)}.`;
}

/** '+13125550142' → '(312) 555-0142'; other numbers as given. */
function formatUsPhone(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}
