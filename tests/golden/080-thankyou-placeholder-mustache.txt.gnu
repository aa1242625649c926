corpus/080-thankyou-placeholder-mustache.txt:3:37: error: '{{role}}' looks like a leftover from a template; replace it with the real name, company or detail before sending. [FollowUp.Placeholder]
corpus/080-thankyou-placeholder-mustache.txt:3:94: error: '{{company}}' looks like a leftover from a template; replace it with the real name, company or detail before sending. [FollowUp.Placeholder]
# exit 1
