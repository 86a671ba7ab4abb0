import type { zhCNLegal } from '../zh-CN/legal.ts'

/** English messages of the user agreement, privacy policy and joining agreement; typed over the zh-CN keys, so none can be missing. */
export const enLegal: Record<keyof typeof zhCNLegal, string> = {
  'legal.version': 'Version: {version}',
  'legal.terms.title': 'User Agreement',
  'legal.terms.lead':
    'Welcome to the Kexiang science and technology resource sharing platform (“the platform”). This agreement sets out what you and we may expect of each other; please read it before you sign up.',
  'legal.terms.s1.title': '1. What the platform offers',
  'legal.terms.s1.body':
    'The platform gathers instruments, experts, research results and technical services so that organisations and people can publish, find, book and use them. Some services (instrument booking, innovation vouchers) are provided by the owning organisation or its node; the platform matches and manages the process.',
  'legal.terms.s2.title': '2. Your account',
  'legal.terms.s2.body':
    'One mobile number, one account: use your own number. Keep your password to yourself; what is done with your account counts as done by you. If someone else may be using it, change the password and use “Sign out everywhere” in My account. We recommend turning on an authenticator.',
  'legal.terms.s3.title': '3. Organisation accounts',
  'legal.terms.s3.body':
    'An organisation is registered by a person acting for it, who becomes its administrator and answers for the truth of what is submitted. The node it joins must approve it before organisation features open. Its administrators decide who else may join.',
  'legal.terms.s4.title': '4. Fair use',
  'legal.terms.s4.body':
    'What you publish must be true and lawful and must not infringe anyone’s intellectual property or trade secrets. Do not disrupt the platform (mass sign-ups, requesting codes in bulk, attacking the system).',
  'legal.terms.s5.title': '5. Breaches and leaving',
  'legal.terms.s5.body':
    'For breaches the platform may warn, take content down, or suspend or close the account, and keeps records as the law requires. You may close your account at any time in My account. When this agreement changes, we ask you to accept it again at your next sign-in.',
  'legal.privacy.title': 'Privacy Policy',
  'legal.privacy.lead':
    'We collect only the personal information the service needs and handle it under the Personal Information Protection Law. In plain words: what we collect, why, for how long, and what you can do about it.',
  'legal.privacy.s1.title': '1. What we collect',
  'legal.privacy.s1.body':
    'When you sign up and sign in: your mobile number, the name you give, and your password (kept only as a salted hash nobody can reverse).\nWhile you use the platform: sign-in and security records (time, IP address, browser); organisation details you submit (name, credit code, address, contact person and phone).\nID card number: never at sign-up. Only a feature that truly needs it (expert verification, innovation vouchers) asks for it, explaining why and asking for your separate consent at that moment.',
  'legal.privacy.s2.title': '2. Why',
  'legal.privacy.s2.body':
    'The mobile number creates your account, signs you in and receives codes and important notices; your name lets your organisations and platform staff recognise you; sign-in and security records protect your account, reveal unusual sign-ins and meet the log-keeping duty of the Cybersecurity Law; organisation details let the node review an application. We use your information for nothing else.',
  'legal.privacy.s3.title': '3. How long',
  'legal.privacy.s3.body':
    'Account data is kept while the account exists. When you close the account we erase your name, mobile number, e-mail, password and authenticator at once, remove all your roles and end every session; sign-in logs and audit records the law requires are kept for at least six months and then deleted. SMS codes expire after five minutes.',
  'legal.privacy.s4.title': '4. Who else sees it',
  'legal.privacy.s4.body':
    'We never sell personal information. We pass on only what is needed: your mobile number to the SMS provider to deliver codes and notices; what handling your business requires to the administrators of your organisations and the staff of its node (ordinary members see phone numbers masked); and what the law or a competent authority lawfully demands.',
  'legal.privacy.s5.title': '5. Your rights',
  'legal.privacy.s5.body':
    'See and correct: your data is in My account.\nCopy: “Export my data” in My account downloads everything we keep about you (a JSON file).\nErase: “Close account” in My account.\nWithdraw consent: for features that ask for separate consent, at any time, without affecting what was done before.\nQuestions or complaints: contact the operator named at the foot of every page; we answer within 15 working days.',
  'legal.privacy.s6.title': '6. How we protect it',
  'legal.privacy.s6.body':
    'Encrypted connections; passwords kept only as hashes; staff sign in with two-step verification; sensitive actions are written to a tamper-evident audit log; mobile numbers are masked in lists.',
  'legal.privacy.s7.title': '7. Changes',
  'legal.privacy.s7.body':
    'When this policy changes, its version date changes too. If what we collect or why changes, we ask you to read and accept it again at your next sign-in.',
  'legal.join.title': 'Joining Agreement',
  'legal.join.lead':
    'This agreement is made between the organisation applying to join (“the organisation”) and the platform node it chooses (“the node”). The person acting for the organisation accepts it on the organisation’s behalf.',
  'legal.join.s1.title': '1. Ownership',
  'legal.join.s1.body':
    'The organisation keeps ownership of, and control over, the instruments, results and services it publishes. The node operates listing, booking and settlement for it and gains no rights in the resources.',
  'legal.join.s2.title': '2. The organisation’s duties',
  'legal.join.s2.body':
    'Submit true and accurate details and keep them up to date; keep published resources accurate; answer bookings and service requests as agreed; follow national rules on opening research facilities and instruments for shared use.',
  'legal.join.s3.title': '3. The node’s duties',
  'legal.join.s3.body':
    'Review applications within a reasonable time and give reasons for a rejection; support and train the organisation; protect its data and use it only as far as the service needs.',
  'legal.join.s4.title': '4. Verification',
  'legal.join.s4.body':
    'The node may verify the credit code and other details submitted. If they are untrue, the node may reject the application or suspend the organisation.',
  'legal.join.s5.title': '5. Leaving',
  'legal.join.s5.body':
    'The organisation may leave at any time; its resources are then taken down, and bookings and orders already made are completed as agreed.',
}
