corpus/108-thankyou-length-long-chef.txt:3:1: warning: This reads as a thank-you note and its body has 214 words; keep it to 200 words or fewer: cut the repeated thanks, the background the reader already knows and anything that belongs in a call. [FollowUp.Length]
# exit 0
