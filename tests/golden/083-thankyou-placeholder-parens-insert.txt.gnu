corpus/083-thankyou-placeholder-parens-insert.txt:3:72: error: '(Company Name)' looks like a leftover from a template; replace it with the real name, company or detail before sending. [FollowUp.Placeholder]
corpus/083-thankyou-placeholder-parens-insert.txt:3:124: error: 'insert specific detail here' looks like a leftover from a template; replace it with the real name, company or detail before sending. [FollowUp.Placeholder]
# exit 1
