corpus/email/base64-check-in.eml:3:1: warning: 'I hope your week is' is small talk; cut it and open with the reason you are writing (thanks for the interview, or the timeline you were given). [FollowUp.SmallTalk]
# exit 0
