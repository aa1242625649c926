corpus/044-thankyou-emoji-heart-xd-baker.txt:3:74: warning: '<3' is an emoji or emoticon; remove it and say it in words ("I enjoyed our conversation"). [FollowUp.Emoji]
corpus/044-thankyou-emoji-heart-xd-baker.txt:3:125: warning: 'xD' is an emoji or emoticon; remove it and say it in words ("I enjoyed our conversation"). [FollowUp.Emoji]
# exit 0
