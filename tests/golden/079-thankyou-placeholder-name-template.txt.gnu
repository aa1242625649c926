corpus/079-thankyou-placeholder-name-template.txt:1:6: error: '[Interviewer Name]' looks like a leftover from a template; replace it with the real name, company or detail before sending. [FollowUp.Placeholder]
corpus/079-thankyou-placeholder-name-template.txt:3:1: note: The note has no closing with your name: end with a sign-off and your full name, e.g. 'Best regards,' and 'Alex Chen' on the next line. [FollowUp.SignOff]
corpus/079-thankyou-placeholder-name-template.txt:3:58: error: '[Job Title]' looks like a leftover from a template; replace it with the real name, company or detail before sending. [FollowUp.Placeholder]
corpus/079-thankyou-placeholder-name-template.txt:3:82: error: '[Company Name]' looks like a leftover from a template; replace it with the real name, company or detail before sending. [FollowUp.Placeholder]
corpus/079-thankyou-placeholder-name-template.txt:8:1: error: '[Your Name]' looks like a leftover from a template; replace it with the real name, company or detail before sending. [FollowUp.Placeholder]
# exit 1
