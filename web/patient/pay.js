// The payment section of the patient page (engineer "payments" fills it): listens for the
// `statement-loaded` event patient.js dispatches, and dispatches `balance-changed` after a payment.
export {};
